"""The lessons of the course, each runnable end to end."""
