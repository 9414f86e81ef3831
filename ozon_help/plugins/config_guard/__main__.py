"""`python -m ozon_help.plugins.config_guard [--exec COMMAND…]`: guard.main, before MkDocs reads mkdocs.yml."""

import sys

from ozon_help.plugins.config_guard.guard import main

sys.exit(main(sys.argv[1:]))
