"""The data every stage shares: the Article and the Brief (pydantic models), the
errors a user sees, the Brief's JSON, atomic file writes and the data files shipped
with the package. Nothing here imports another stage."""
