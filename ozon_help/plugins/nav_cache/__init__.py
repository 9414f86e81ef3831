"""ozon/nav_cache: navigation rendered once per folder, not once per page (build speed)."""
