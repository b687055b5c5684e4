"""Find my MP, and the Helpline page built on the same controller."""
