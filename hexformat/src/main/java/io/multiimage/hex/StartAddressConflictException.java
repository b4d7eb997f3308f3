package io.multiimage.hex;

import java.util.List;

/** Two merge inputs carry different start addresses and the start policy is {@link StartPolicy#ERROR}. */
public final class StartAddressConflictException extends ImageException {

    private final String firstInput;
    private final StartAddress firstStart;
    private final String secondInput;
    private final StartAddress secondStart;

    /** Records both inputs and their start addresses. */
    public StartAddressConflictException(
            String firstInput, StartAddress firstStart, String secondInput, StartAddress secondStart) {
        super(message(firstInput, firstStart, secondInput, secondStart));
        this.firstInput = firstInput;
        this.firstStart = firstStart;
        this.secondInput = secondInput;
        this.secondStart = secondStart;
    }

    private static String message(
            String firstInput, StartAddress firstStart, String secondInput, StartAddress secondStart) {
        return secondInput + ": start address " + secondStart + " conflicts with start address " + firstStart + " of "
                + firstInput + "; choose which to keep (start policy first, last or none)";
    }

    /** The earlier input. */
    public String firstInput() {
        return firstInput;
    }

    /** The earlier input's start address. */
    public StartAddress firstStart() {
        return firstStart;
    }

    /** The later input. */
    public String secondInput() {
        return secondInput;
    }

    /** The later input's start address. */
    public StartAddress secondStart() {
        return secondStart;
    }

    @Override
    public List<Problem> problems() {
        String full = getMessage();
        return List.of(new Problem(secondInput, 0, full.substring(secondInput.length() + 2)));
    }
}
