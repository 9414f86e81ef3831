"""Keep mkdocs-macros' start-up notes («Found local Python module …», the lists of variables and
macros) out of the build output: they repeat on every build and every `make serve` reload and
bury the warnings an editor must read. Its warnings and errors still show."""

from __future__ import annotations

import logging
from typing import Any

MACROS_LOGGER = "mkdocs.plugins.mkdocs_macros"


def on_startup(command: str, dirty: bool, **_: Any) -> None:
    logging.getLogger(MACROS_LOGGER).setLevel(logging.WARNING)
