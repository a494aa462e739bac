"""The simulated focal points of bench/scale_out.py, in a process of their own.

Each focal point is a thread with its own cookies. It signs in once, then, while the phase lasts,
pauses (`think` seconds on average) before each action: register a delegate with a photo, look at
the programme, choose a roundtable for the newest delegate. Requests go round-robin over the web
servers, as a load balancer would send them, with the headers of the TLS proxy in front
(X-Forwarded-Proto, and the Origin a browser sends), so the production settings apply unchanged.
"""

import io
import json
import os
import random
import re
import threading
import time

import requests

CSRF_COOKIE = "__Host-csrftoken"
DELEGATE_OPTION = re.compile(r'<option value="(\d+)"')
ROUNDTABLE_FORM = re.compile(r"/portal/programme/(\d+)/places/")
TIMEOUT = 60


def photo_bytes():
    """A passport-like photo of about 200 KB: a gradient with noise, so JPEG cannot shrink it."""
    from PIL import Image

    gradient = Image.radial_gradient("L").resize((600, 800)).convert("RGB")
    noise = Image.effect_noise((600, 800), 40).convert("RGB")
    buffer = io.BytesIO()
    Image.blend(gradient, noise, 0.3).save(buffer, "JPEG", quality=90)
    return buffer.getvalue()


class Recorder:
    def __init__(self):
        self.rows = []
        self.lock = threading.Lock()

    def add(self, phase, kind, seconds, outcome):
        with self.lock:
            self.rows.append((phase, kind, seconds, outcome))


class FocalPoint:
    def __init__(self, number, *, email, password, targets, recorder, photo, rng):
        self.number, self.email, self.password = number, email, password
        self.targets, self.recorder, self.photo, self.rng = targets, recorder, photo, rng
        self.turn = number  # each starts at a different server, as connections spread
        self.http = requests.Session()
        self.cookies = {}
        self.phase = "sign-in"
        self.registered = 0
        self.delegates, self.roundtables = [], []

    def request(self, kind, method, path, **kwargs):
        self.turn += 1
        base = self.targets[self.turn % len(self.targets)]
        headers = {
            "Cookie": "; ".join(f"{name}={value}" for name, value in self.cookies.items()),
            "X-Forwarded-Proto": "https",
            "Origin": base.replace("http://", "https://"),
        }
        started = time.perf_counter()
        try:
            response = self.http.request(
                method,
                base + path,
                headers=headers,
                allow_redirects=False,
                timeout=TIMEOUT,
                **kwargs,
            )
        except requests.RequestException as error:
            self.recorder.add(self.phase, kind, time.perf_counter() - started, type(error).__name__)
            return None
        self.recorder.add(self.phase, kind, time.perf_counter() - started, response.status_code)
        self.cookies.update(response.cookies.get_dict())
        return response

    def post(self, kind, path, data, **kwargs):
        data = {**data, "csrfmiddlewaretoken": self.cookies.get(CSRF_COOKIE, "")}
        return self.request(kind, "POST", path, data=data, **kwargs)

    def sign_in(self):
        self.request("sign-in page", "GET", "/portal/sign-in/")  # sets the CSRF cookie
        credentials = {"username": self.email, "password": self.password}
        response = self.post("sign in", "/portal/sign-in/", credentials)
        return response is not None and response.status_code == 302

    def healthz(self):
        self.request("healthz", "GET", "/healthz")

    def register_delegate(self):
        n = self.registered
        head = n == 0
        data = {
            "title": "H.E. Ms" if head else "Mr",
            "family_name": f"SCALE{self.number:04d}",
            "given_names": f"Person {n}",
            "function": "Ambassador" if head else "Adviser",
            "role": "head" if head else "adviser",
            "protocol_rank": "ambassador" if head else "delegate",
            "email": f"person{n}.{self.email}",
            "phone": "+84 24 0000 0000",
            "nationality": "FR",
            "date_of_birth": f"19{60 + n % 30}-0{1 + n % 9}-1{n % 9}",
            "passport_number": f"S{self.number:04d}P{n:04d}",
            "passport_expires_on": "2031-01-01",
            "dietary_needs": "",
            "access_needs": "",
        }
        files = {"photo_upload": ("photo.jpg", self.photo, "image/jpeg")}
        response = self.post("register delegate", "/portal/delegates/new/", data, files=files)
        if response is not None and response.status_code == 302:
            self.registered += 1

    def look_at_programme(self):
        response = self.request("programme page", "GET", "/portal/programme/")
        if response is not None and response.status_code == 200:
            self.delegates = sorted({int(i) for i in DELEGATE_OPTION.findall(response.text)})
            self.roundtables = sorted({int(i) for i in ROUNDTABLE_FORM.findall(response.text)})

    def choose_roundtable(self):
        if not self.delegates or not self.roundtables:
            return
        session = self.rng.choice(self.roundtables)
        data = {"delegate": self.delegates[-1]}  # the newest: the one just registered
        self.post("choose roundtable", f"/portal/programme/{session}/places/", data)


def _think(rng, think, until):
    """Pause like a person between two actions; False once the phase is over."""
    time.sleep(max(0.0, min(rng.uniform(0.5 * think, 1.5 * think), until - time.monotonic())))
    return time.monotonic() < until


class Phases:
    def __init__(self, users):
        self.signed_in = threading.Barrier(users + 1)
        self.baseline, self.load = threading.Event(), threading.Event()
        self.baseline_until = self.load_until = 0.0


def _user(focal_point, phases, *, ramp, think, signed_in):
    rng = focal_point.rng
    time.sleep(rng.uniform(0, ramp))
    if focal_point.sign_in():
        signed_in.append(focal_point.number)
    phases.signed_in.wait()
    phases.baseline.wait()
    focal_point.phase = "baseline"
    while _think(rng, think, phases.baseline_until):
        focal_point.healthz()
    phases.load.wait()
    if focal_point.number not in signed_in:
        return
    focal_point.phase = "load"
    actions = [focal_point.register_delegate, focal_point.look_at_programme]
    actions.append(focal_point.choose_roundtable)
    while True:
        for action in actions:
            if not _think(rng, think, phases.load_until):
                return
            action()


def client_main(config, load_started, result_path):
    """Entry point of the client process; writes what it measured to `result_path` (JSON)."""
    recorder, photo = Recorder(), photo_bytes()
    users = [
        FocalPoint(
            n,
            email=email,
            password=config["password"],
            targets=config["targets"],
            recorder=recorder,
            photo=photo,
            rng=random.Random(config["seed"] + n),
        )
        for n, email in enumerate(config["emails"])
    ]
    phases, signed_in = Phases(len(users)), []
    options = {"ramp": config["ramp"], "think": config["think"], "signed_in": signed_in}
    threads = [threading.Thread(target=_user, args=(u, phases), kwargs=options) for u in users]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    phases.signed_in.wait()
    sign_in_seconds = time.monotonic() - started

    phases.baseline_until = time.monotonic() + config["baseline_seconds"]
    phases.baseline.set()
    # Requests still in flight at the end of the baseline finish before the load starts.
    time.sleep(config["baseline_seconds"] + 2)
    phases.load_until = time.monotonic() + config["seconds"]
    load_started.set()
    phases.load.set()
    for thread in threads:
        thread.join()
    result = {
        "load_average": [round(n, 1) for n in os.getloadavg()],
        "rows": recorder.rows,
        "signed_in": len(signed_in),
        "sign_in_seconds": sign_in_seconds,
        "load_seconds": time.monotonic() - phases.load_until + config["seconds"],
        "registered": sum(user.registered for user in users),
    }
    with open(result_path, "w") as file:
        json.dump(result, file)
