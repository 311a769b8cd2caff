package dev.thrum.transport;

public enum LinkState { UP, DOWN }
