"""ozon/quiet_macros: keep mkdocs-macros' start-up notes («Found local Python module …», the lists of
variables and macros) out of the build output: they repeat on every build and every `make serve` reload
and bury the warnings an editor must read. Its warnings and errors still show."""

from __future__ import annotations

import logging
from typing import Literal

from mkdocs.plugins import BasePlugin

from ozon_help.plugins.quiet_macros.config import QuietMacrosConfig

MACROS_LOGGER = "mkdocs.plugins.mkdocs_macros"


class QuietMacrosPlugin(BasePlugin[QuietMacrosConfig]):
    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        logging.getLogger(MACROS_LOGGER).setLevel(logging.WARNING)
