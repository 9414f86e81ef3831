"""ozon/front_matter: front matter with file:line errors; which pages are guides."""
