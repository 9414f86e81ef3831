"""ozon/law_check: citations, figures and review dates against data/law.yml (EDITING.md «Legal rules»)."""
