"""dialog package."""
