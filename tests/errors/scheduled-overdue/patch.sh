# The visit scheduled for 2026-10-15 is still scheduled on 2026-10-20: it
# happened, was cancelled, or needs a new date.
true
