package dev.thrum.transport.ble.fakebluez;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Brings up the private bus and the fake BlueZ before a test class touches tinyb, and resets the
 * fake before each test. Test methods may take a {@link FakeBluez} parameter.
 */
public final class FakeBluezExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        FakeBluez.instance();
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        FakeBluez.instance().reset();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == FakeBluez.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        try {
            return FakeBluez.instance();
        } catch (Exception e) {
            throw new IllegalStateException("fake BlueZ is not available", e);
        }
    }
}
