"""Helpers shared by tests/ and bench/: copy the project, build it, rewrite its contacts.

tests/ and bench/ both need a throwaway copy of the project and a strict build of it; keeping
those here means neither package imports the other.
"""

from .project import ROOT, SITE_PARTS, BuildResult, BuildServer, build, copy_project

__all__ = ["ROOT", "SITE_PARTS", "BuildResult", "BuildServer", "build", "copy_project"]
