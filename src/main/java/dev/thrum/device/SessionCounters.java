package dev.thrum.device;

/**
 * Running totals of one device session, for diagnostics and tests.
 *
 * @param written              frames handed to the transport
 * @param writeFailures        writes that threw (each stop retry counts)
 * @param superseded           queued speeds replaced by a newer one before they went out
 * @param rejectedFrames       received frames the codec rejected (bad checksum, length, header)
 * @param discardedBytes       stream bytes thrown away while resynchronising
 * @param droppedWhileLinkLost speeds dropped because the link was lost (queued, or sent while lost)
 */
public record SessionCounters(long written, long writeFailures, long superseded, long rejectedFrames,
                              long discardedBytes, long droppedWhileLinkLost) {}
