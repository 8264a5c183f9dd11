package eco2.common.json;

import eco2.common.error.FieldErrors;

/** A request body that checks its own field rules after it is parsed. */
public interface Validated {
    void validate(FieldErrors errors);
}
