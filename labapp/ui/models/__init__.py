"""Qt item models over the services' frozen DTOs (never over sessions or ORM rows)."""
