"""The Slack bot: a slack_bolt app that renders the assistant's answers in Slack threads.

``build_app(settings, assistant, tokens)`` makes the bolt ``App``; ``warm_up(assistant)`` loads what
answering needs; ``serve(app, tokens, host, port)`` runs it (Socket Mode or HTTP on uvicorn). Nothing
here holds answering logic.
"""

from assistant.slack.app import SlackBot, build_app
from assistant.slack.secrets import SlackTokens
from assistant.slack.server import EventServer, make_http_server, serve
from assistant.slack.warmup import warm_up

__all__ = ["EventServer", "SlackBot", "SlackTokens", "build_app", "make_http_server", "serve", "warm_up"]
