"""Single instance: the first Screenpop listens, later launches forward their link."""
