"""The Slack bot: a slack_bolt app that renders the assistant's answers in Slack threads.

``build_app(settings, assistant, tokens)`` makes the bolt ``App``; ``serve(app, tokens, host, port)``
runs it (Socket Mode or HTTP). Nothing here holds answering logic.
"""

from assistant.slack.app import SlackBot, build_app
from assistant.slack.secrets import SlackTokens
from assistant.slack.server import make_http_server, serve

__all__ = ["SlackBot", "SlackTokens", "build_app", "make_http_server", "serve"]
