"""ozon/quiet_macros: no «Found local Python module» notes on every build."""
