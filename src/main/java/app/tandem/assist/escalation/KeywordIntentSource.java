package app.tandem.assist.escalation;

import app.tandem.nlp.Language;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Intents from keywords, English and Chinese: enough to recognise the urgent ones (lost or stolen
 * card, fraud, compromised account) and a few common requests before a trained intent model exists.
 * Names follow Banking77 where it has one, so a trained model can replace this without changing rules.
 */
public final class KeywordIntentSource implements IntentSource {

    private record Rule(Pattern pattern, boolean urgent) {}

    private static final Map<String, Rule> RULES = new LinkedHashMap<>();

    static {
        urgent("compromised_card", "(?i)fraud\\w*|scam(?:med)?|cloned|skimmed|unauthori[sz]ed|didn'?t (?:make|authori[sz]e)|wasn'?t me|weren'?t me"
                + "|盗刷|诈骗|被骗|骗子|不是我(?:本人)?(?:操作|消费|付)?|被复制|冒充");
        urgent("lost_or_stolen_card", "(?i)(?:lost|stolen|missing|can'?t find|pickpocketed|robbed)\\b.{0,30}\\b(?:card|wallet|purse|handbag)"
                + "|(?:card|wallet|purse|handbag)\\b.{0,30}\\b(?:lost|stolen|missing|pickpocketed|taken)"
                + "|(?:卡|钱包|包).{0,6}(?:丢|被偷|被盗|被抢|被扒|不见)|挂失");
        urgent("compromised_account", "(?i)hack(?:ed)?|compromised|someone (?:has|got|is using|changed|logged)|new device login|identity theft|sim (?:was )?swap"
                + "|被盗号|账户被盗|盗用|身份被盗|异地登录|新设备登录|换了.{0,4}手机卡");
        plain("card_arrival", "(?i)card.{0,30}(?:not|hasn'?t|haven'?t|never) (?:arrived|come|received)|卡.{0,8}(?:还没|没有)?(?:收到|寄到)");
        plain("transfer_not_received_by_recipient", "(?i)transfer.{0,40}(?:not|hasn'?t|never) (?:arrived|received)|转账.{0,10}(?:没|未)(?:收到|到账)");
        plain("change_pin", "(?i)\\b(?:change|reset|forgot(?:ten)?) (?:my )?pin\\b|修改密码|改密码|忘记密码");
        plain("exchange_rate", "(?i)exchange rate|汇率");
        plain("declined_card_payment", "(?i)(?:card|payment).{0,20}declined|declined|被拒|刷卡失败");
    }

    private static void urgent(String intent, String regex) {
        RULES.put(intent, new Rule(Pattern.compile(regex), true));
    }

    private static void plain(String intent, String regex) {
        RULES.put(intent, new Rule(Pattern.compile(regex), false));
    }

    /** The intents these rules can name. */
    public static Set<String> intents() {
        return Set.copyOf(RULES.keySet());
    }

    @Override
    public Optional<DetectedIntent> detect(String text, Language language) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        for (Map.Entry<String, Rule> e : RULES.entrySet()) {
            if (e.getValue().pattern().matcher(text).find()) {
                return Optional.of(new DetectedIntent(e.getKey(), 0.7, e.getValue().urgent(), DetectedIntent.Origin.KEYWORDS, ""));
            }
        }
        return Optional.empty();
    }
}
