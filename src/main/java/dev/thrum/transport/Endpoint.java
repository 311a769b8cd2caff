package dev.thrum.transport;

/** Logical endpoints; a profile says what each one is on the wire (a GATT characteristic, the serial line). */
public enum Endpoint { TX, RX, BATTERY }
