"""Write a letter: the steps, the form, the coach notes and the output (PDF, print)."""
