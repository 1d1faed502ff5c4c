"""An SMTP server for tests/cli/test_mail.rs: TLS (STARTTLS required, or implicit TLS from
the first byte with MODE "implicit"), AUTH (PLAIN/LOGIN) required over TLS, one user. Each
message it accepts is appended to LOG between the markers aiosmtpd's debugging handler
prints, after two lines saying who logged in and whether TLS was on.

    python3 smtp_tls.py CERT KEY PORT LOG USER PASSWORD [MODE]
"""

import signal
import ssl
import sys

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

cert, key, port, log, user, password = sys.argv[1:7]
implicit = sys.argv[7:8] == ["implicit"]


class Handler:
    async def handle_DATA(self, server, session, envelope):
        login = session.auth_data.login.decode() if session.auth_data else ""
        with open(log, "a", encoding="utf-8") as f:
            f.write("---------- MESSAGE FOLLOWS ----------\n")
            tls = implicit or session.ssl is not None
            f.write(f"X-Auth: {login}\nX-TLS: {tls}\n")
            f.write(envelope.content.decode("utf-8", "replace").replace("\r\n", "\n"))
            f.write("\n------------ END MESSAGE ------------\n")
        return "250 OK"


def authenticator(server, session, envelope, mechanism, data):
    ok = (
        isinstance(data, LoginPassword)
        and data.login == user.encode()
        and data.password == password.encode()
    )
    return AuthResult(success=ok, handled=False, auth_data=data if ok else None)


context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
context.load_cert_chain(cert, key)
# Implicit TLS wraps the whole connection, which aiosmtpd does not see as TLS for AUTH.
tls = (
    {"ssl_context": context, "auth_require_tls": False}
    if implicit
    else {"tls_context": context, "require_starttls": True, "auth_require_tls": True}
)
controller = Controller(
    Handler(),
    hostname="127.0.0.1",
    port=int(port),
    auth_required=True,
    authenticator=authenticator,
    **tls,
)
controller.start()
print("ready", flush=True)
signal.sigwait({signal.SIGTERM, signal.SIGINT})
controller.stop()
