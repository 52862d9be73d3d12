"""Services: the operations the window and the command line perform on the plan.

Each takes a SQLAlchemy Session that the caller opened (``with db.begin() as session``) and
never commits it; results cross to ``ui`` and ``reports`` as frozen dataclasses.
"""
