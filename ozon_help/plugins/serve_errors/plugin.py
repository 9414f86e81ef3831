"""ozon/serve_errors: while `make serve` runs, a failed build is a page in the browser (error_page.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin

from ozon_help.plugins.serve_errors.config import ServeErrorsConfig
from ozon_help.plugins.serve_errors.error_page import ServeErrors


class ServeErrorsPlugin(BasePlugin[ServeErrorsConfig]):
    def on_serve(
        self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Callable[..., Any]
    ) -> LiveReloadServer:
        errors = ServeErrors(server)
        server.builder = errors.builder
        server.set_app(errors.serve)
        return server
