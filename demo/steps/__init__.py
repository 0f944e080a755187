"""The steps ``seed_demo`` runs, each a module with an idempotent ``seed()``."""
