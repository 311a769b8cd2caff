package dev.thrum.protocol;

/**
 * One profile's byte format, in both directions: the host encodes commands and decodes status;
 * the simulated massager decodes commands and encodes status from the same description.
 * Implementations never throw on received bytes: a frame that does not match is rejected.
 */
public interface Codec {

    /** True when the profile has a template for this command. */
    boolean supports(Class<? extends DeviceCommand> command);

    /** @throws IllegalArgumentException when the profile has no template for it, or a value is out of range */
    byte[] encode(DeviceCommand command);

    DecodeResult<DeviceStatus> decodeStatus(byte[] frame);

    /** Device side: which command these bytes are. */
    DecodeResult<DeviceCommand> decodeCommand(byte[] frame);

    /** Device side: the status frame for this state. */
    byte[] encodeStatus(DeviceStatus status);

    /** Host side reader of a byte stream coming from the device. */
    FrameReader statusFrameReader();

    /** Device side reader of a byte stream coming from the host. */
    FrameReader commandFrameReader();
}
