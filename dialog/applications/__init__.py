"""Applications: the fields asked, their values as said, the application as a conversation."""
