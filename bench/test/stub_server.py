#!/usr/bin/env python3
"""Tiny stand-in for the auth service, only to self-test the bench scripts.

It speaks just enough of /work/shared/API.md (health, ready, register, login, me)
for bench/run-auth.sh to seed users and run its wrk scenarios, and it counts what
it saw so bench/test/selftest.sh can check round-robin over users. It says
nothing about the real server's speed.

Usage: stub_server.py [PORT]   (0 or nothing: a free port; prints "PORT <n>")
Stats: GET /_stats -> {"me_requests", "me_distinct_tokens", "login_requests",
                       "login_distinct_emails", "users", "me_unauthorized"}
"""
import json
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LOCK = threading.Lock()
USERS = {}            # email -> password
TOKENS = {}           # access token -> email
ME_TOKENS = set()
LOGIN_EMAILS = set()
COUNTS = {"me": 0, "login": 0, "me_unauthorized": 0}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as wrk expects
    disable_nagle_algorithm = True  # headers and body go out in two writes

    def log_message(self, *_args):
        pass

    def _send(self, status, obj):
        body = json.dumps(obj).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _json(self):
        n = int(self.headers.get("Content-Length") or 0)
        return json.loads(self.rfile.read(n) or b"{}")

    def do_GET(self):
        if self.path in ("/health", "/ready"):
            return self._send(200, {"status": "ok"})
        if self.path == "/api/v1/auth/me":
            auth = self.headers.get("Authorization", "")
            token = auth[len("Bearer "):] if auth.startswith("Bearer ") else ""
            with LOCK:
                COUNTS["me"] += 1
                email = TOKENS.get(token)
                if email is None:
                    COUNTS["me_unauthorized"] += 1
                else:
                    ME_TOKENS.add(token)
            if email is None:
                return self._send(401, {"success": False, "code": "unauthorized"})
            return self._send(200, {"email": email, "roles": ["user"]})
        if self.path == "/_stats":
            with LOCK:
                return self._send(200, {
                    "me_requests": COUNTS["me"],
                    "me_unauthorized": COUNTS["me_unauthorized"],
                    "me_distinct_tokens": len(ME_TOKENS),
                    "login_requests": COUNTS["login"],
                    "login_distinct_emails": len(LOGIN_EMAILS),
                    "users": len(USERS),
                })
        return self._send(404, {"success": False, "code": "not_found"})

    def do_POST(self):
        try:
            data = self._json()
        except ValueError:
            return self._send(400, {"success": False, "code": "bad_request"})
        if self.path == "/api/v1/auth/register":
            with LOCK:
                if data["email"] in USERS:
                    return self._send(409, {"success": False, "code": "conflict"})
                USERS[data["email"]] = data["password"]
            return self._send(201, {"email": data["email"], "username": data["username"]})
        if self.path == "/api/v1/auth/login":
            with LOCK:
                COUNTS["login"] += 1
                ok = USERS.get(data.get("email")) == data.get("password")
                if ok:
                    LOGIN_EMAILS.add(data["email"])
                    token = "tok-%d-%s" % (COUNTS["login"], data["email"])
                    TOKENS[token] = data["email"]
            if not ok:
                return self._send(401, {"success": False, "code": "unauthorized"})
            return self._send(200, {"access_token": token, "refresh_token": "r-" + token,
                                    "token_type": "bearer", "expires_in": 1800})
        return self._send(404, {"success": False, "code": "not_found"})


class Server(ThreadingHTTPServer):
    request_queue_size = 256  # wrk opens 64 connections at once
    daemon_threads = True


if __name__ == "__main__":
    server = Server(("127.0.0.1", int(sys.argv[1]) if len(sys.argv) > 1 else 0), Handler)
    print("PORT %d" % server.server_address[1], flush=True)
    server.serve_forever()
