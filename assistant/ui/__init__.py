"""The Gradio chat page: ``build_app(assistant)`` builds it, ``serve(app, settings)`` launches it.

Submodules: ``app`` (layout, launch, auth), ``handlers`` (events and the /ask endpoint),
``render`` (Answer to markdown), ``chart`` (market size by year), ``context`` (source panel),
``cards`` (facts card and example questions). Importing this package imports gradio.
"""

from assistant.ui.app import build_app, parse_auth, serve

__all__ = ["build_app", "parse_auth", "serve"]
