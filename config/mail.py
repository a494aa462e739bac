"""Where `make run` shows the e-mails: every process of the checkout appends them to one file.

Django's console backend prints in the process that sends, which for a second shell's
`manage.py invite` (tasks run eagerly without Redis) is that shell, not `make run`'s output as a
newcomer expects. With EMAIL_LOG_FILE set (scripts/run.sh sets it for its own processes and, in
var/make-run.env, for any other of the checkout), messages are appended to that file instead,
and run.sh prints the file as it grows.
"""

from django.conf import settings
from django.core.mail.backends.console import EmailBackend


class AppendingConsoleEmailBackend(EmailBackend):
    def send_messages(self, email_messages):
        with open(settings.EMAIL_LOG_FILE, "a", encoding="utf-8") as log:
            self.stream = log
            return super().send_messages(email_messages)
