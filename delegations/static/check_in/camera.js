// Scanning with the phone's camera, where the browser has the BarcodeDetector API (Chrome on
// Android, for example). Elsewhere the button stays hidden and the code is typed, pasted or sent by
// a handheld reader. Once used, the camera starts again by itself after each answer.
(function () {
  "use strict";
  var button = document.getElementById("camera");
  var video = document.getElementById("viewfinder");
  var field = document.getElementById("id_payload");
  if (!button || !video || !field || !("BarcodeDetector" in window) || !navigator.mediaDevices) {
    return;
  }
  var REMEMBER = "check_in_camera";
  button.hidden = false;

  function start() {
    var detector = new window.BarcodeDetector({ formats: ["qr_code"] });
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: "environment" }, audio: false })
      .then(function (stream) {
        sessionStorage.setItem(REMEMBER, "on");
        video.srcObject = stream;
        video.hidden = false;
        video.play();
        var look = function () {
          detector
            .detect(video)
            .then(function (codes) {
              if (!codes.length) {
                window.requestAnimationFrame(look);
                return;
              }
              stream.getTracks().forEach(function (track) { track.stop(); });
              field.value = codes[0].rawValue;
              field.form.submit();
            })
            .catch(function () { window.requestAnimationFrame(look); });
        };
        look();
      })
      .catch(function () {
        sessionStorage.removeItem(REMEMBER);
        button.hidden = true;
      });
  }

  button.addEventListener("click", start);
  if (sessionStorage.getItem(REMEMBER) === "on") {
    start();
  }
})();
