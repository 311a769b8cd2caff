package dev.thrum.engine.pressure;

/** One force estimate from the device, in newtons, at a session time in milliseconds. */
public record ForceReading(long atMs, double newtons) {}
