package eco2.auth.account;

import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * SQL that erases what auth holds about a deleted user (ASVS 8.3.2), run with the deactivation. The users row stays,
 * keyed by the same id, so the revoked refresh tokens and API keys that reference it keep being refused: it keeps
 * only is_active = false, roles, the key entitlement and timestamps. The email and username are released, so the
 * person may register again with them (a new account, new id).
 */
public interface AccountErasure {
    /** The username becomes {@code deleted-<id>}, which no registration can take (usernames have no dash). */
    @SqlUpdate("UPDATE users SET is_active = false, email = NULL, username = 'deleted-' || id::text, "
            + "password_hash = NULL, email_case_clash = false, updated_at = now() WHERE id = :userId")
    int anonymiseUser(@Bind("userId") UUID userId);

    /** Provider identities and the emails they came with; the same Kakao or Google login would start afresh. */
    @SqlUpdate("DELETE FROM social_accounts WHERE user_id = :userId")
    int deleteSocialAccounts(@Bind("userId") UUID userId);

    /** Outstanding verification and reset links. */
    @SqlUpdate("DELETE FROM one_time_tokens WHERE user_id = :userId")
    int deleteOneTimeTokens(@Bind("userId") UUID userId);

    /** The V6 report of addresses that clashed by case names the address. */
    @SqlUpdate("DELETE FROM email_case_clashes WHERE user_id = :userId")
    int deleteEmailCaseClash(@Bind("userId") UUID userId);

    /** Key names are the user's own words; the prefix and hash stay (revoked) so a presented key is still refused. */
    @SqlUpdate("UPDATE api_keys SET name = 'deleted' WHERE user_id = :userId")
    int anonymiseApiKeys(@Bind("userId") UUID userId);
}
