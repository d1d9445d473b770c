package org.roomnet.cli;

import org.roomnet.core.classify.ProviderPreference;
import picocli.CommandLine;

/** {@code --provider}: a wrong value is a usage error (exit 2) that lists the valid ones. */
final class ProviderConverter implements CommandLine.ITypeConverter<ProviderPreference> {
    @Override
    public ProviderPreference convert(String value) {
        try {
            return ProviderPreference.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
