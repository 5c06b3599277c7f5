"""Check a server's address before anything slow starts: one clear line instead of a library's
traceback or its "Cannot find empty port"."""

from __future__ import annotations

import errno
import socket

from assistant.errors import ConfigError

PORTS = "a whole number from 1 to 65535"


def check_bind(host: str, port: int, host_setting: str, port_setting: str) -> None:
    """ConfigError naming the setting when ``host:port`` cannot be listened on from this machine."""
    if not 1 <= port <= 65535:
        raise ConfigError(f"{port_setting} {port} is not valid: {PORTS}")
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except (socket.gaierror, UnicodeError) as exc:
        raise ConfigError(
            f"{host_setting} {host!r} is not valid: an IP address or host name of this machine "
            f"(e.g. 127.0.0.1 or 0.0.0.0); {_reason(exc)}"
        ) from None
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise ConfigError(
                    f"{port_setting} {port} is not available on {host}: the port is in use; "
                    f"choose another ({PORTS})"
                ) from None
            raise ConfigError(
                f"{host_setting} {host!r} is not valid: an address of this machine "
                f"(e.g. 127.0.0.1 or 0.0.0.0); {_reason(exc)}"
            ) from None


def _reason(exc: OSError | UnicodeError) -> str:
    return str(getattr(exc, "strerror", None) or exc).rstrip(".").lower()
