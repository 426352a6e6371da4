package com.keyhold.web.pages;

import com.keyhold.invitation.AddressList;
import com.keyhold.user.EmailAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * What the address chips component ({@code resources/kh/addressChips.xhtml}) marks as invalid: the
 * typed entries that are not email addresses or repeat an earlier one, judged by the same rules as
 * the invitation services ({@link AddressList}), each with its reason in the page's language. The
 * entries stay in the list; the component only shows them as invalid.
 */
@Named
@ApplicationScoped
public class AddressChips {

    /** A typed entry, exactly as typed, and why it is not invited. */
    public record Invalid(String text, String reason) {
    }

    public List<Invalid> invalid(List<String> typed) {
        if (typed == null || typed.isEmpty()) {
            return List.of();
        }
        List<Invalid> invalid = new ArrayList<>();
        for (AddressList.Invalid row : AddressList.fromTyped(typed).invalid()) {
            String text = typed.get(row.row() - 1);
            invalid.add(new Invalid(text, Messages.text(EmailAddress.isValid(text) ? "chips.repeated" : "chips.notAnAddress")));
        }
        return invalid;
    }

    /** The same list for the component's script, which marks those chips: [{"text","reason"}]. */
    public String invalidJson(List<String> typed) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        invalid(typed).forEach(i -> array.add(Json.createObjectBuilder().add("text", i.text()).add("reason", i.reason())));
        return array.build().toString();
    }
}
