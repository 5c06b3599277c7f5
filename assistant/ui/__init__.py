"""The Gradio chat page: ``build_app(assistant)`` builds it, ``serve(app, settings)`` launches it,
``warm_up(handlers)`` readies a server before it listens.

Submodules: ``app`` (layout, launch, auth), ``handlers`` (events and the /ask endpoint),
``conversation`` (live and stored conversations), ``pool`` (answers computed on a few threads),
``render`` (Answer to an HTML bubble), ``display`` (report Markdown as text), ``chart`` (market size by
year), ``context`` (source panel), ``cards`` (facts card, picker labels, example questions),
``assets`` (stylesheet and script), ``security`` (routes closed under a login), ``warmup``.
Importing this package imports gradio.
"""

from assistant.ui.app import build_app, parse_auth, serve
from assistant.ui.handlers import ChatHandlers
from assistant.ui.warmup import warm_http, warm_up

__all__ = ["ChatHandlers", "build_app", "parse_auth", "serve", "warm_http", "warm_up"]
