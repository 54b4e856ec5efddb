"""Videos on public pages without the provider watching: a facade that loads the player only
when the visitor presses Play, fed by lookups and poster copies made in the background."""
