package app.tandem.nlp.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EntityExtractorTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 4);
    private final EntityExtractor extractor = new EntityExtractor(Clock.systemUTC());

    private List<Entity> find(String text) {
        return extractor.extract(text, TODAY);
    }

    private List<String> values(String text, EntityType type) {
        return find(text).stream().filter(e -> e.type() == type).map(Entity::value).toList();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "CARD_NUMBER | my card 4539 1488 0343 6467 was declined | 4539148803436467",
        "CARD_NUMBER | 卡号4539148803436467被冻结了 | 4539148803436467",
        "IBAN | send it to GB82 WEST 1234 5698 7654 32 please | GB82WEST12345698765432",
        "PHONE | call me on 07700 900123 | 07700900123",
        "PHONE | 我的手机13812345678 | 13812345678",
        "EMAIL | write to Emma.Clarke@example.com | emma.clarke@example.com",
        "RESIDENT_ID | 身份证号11010519491231002X | 11010519491231002X",
        "SORT_CODE | sort code 20-00-00 account 55779911 | 200000",
        "ACCOUNT_NUMBER | sort code 20-00-00 account 55779911 | 55779911",
        "ACCOUNT_NUMBER | 20-00-00 55779911 | 55779911",
        "AMOUNT | I was charged £12.50 twice | 12.50 GBP",
        "AMOUNT | it was 12.50 GBP | 12.50 GBP",
        "AMOUNT | 扣了我¥300 | 300 CNY",
        "AMOUNT | 多扣了300元 | 300 CNY",
        "AMOUNT | 转了2万元 | 20000 CNY",
        "AMOUNT | €20 fee | 20 EUR",
        "AMOUNT | about 1,250.00 pounds | 1250 GBP",
        "DATE | on 3 March I paid | 2026-03-03",
        "DATE | on the 3rd of March 2025 | 2025-03-03",
        "DATE | paid on 03/03/2026 | 2026-03-03",
        "DATE | 2026年3月3日转的账 | 2026-03-03",
        "DATE | 3月3日 | 2026-03-03",
        "DATE | 昨天转的账 | 2026-03-03",
        "DATE | I sent it yesterday | 2026-03-03",
        "ORDER_REF | about order #A12345 | A12345",
        "ORDER_REF | 订单号A12345还没到 | A12345",
        "TRANSACTION_REF | ref TX-99812 | TX-99812",
        "TRANSACTION_REF | the payment TX-99812 bounced | TX-99812",
        "PERSON | this is Mr Smith speaking | Smith",
        "PERSON | my name is Emma Clarke | Emma Clarke",
        "PERSON | 我叫王小明，卡丢了 | 王小明",
        "PERSON | 李女士的卡 | 李",
        "PERSON | 请帮李娜查一下 | 李娜",
        "PERSON | 我是张伟，卡丢了 | 张伟",
    })
    void findsEachType(EntityType type, String text, String value) {
        assertEquals(List.of(value), values(text, type), () -> "found " + find(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "CARD_NUMBER | card 4539 1488 0343 6468 fails Luhn",
        "IBAN | GB82 WEST 1234 5698 7654 33 has a bad check",
        "RESIDENT_ID | 110105194912310021 is not valid",
        "AMOUNT | I have 2 cards and 300 points",
        "DATE | I paid 31/02/2026 which is no date",
        "DATE | the number 12345",
        "ACCOUNT_NUMBER | the code is 12345678",
        "PERSON | I Lost My Card",
        "PERSON | 我的卡丢了",
        "EMAIL | at the shop @ noon",
        "PHONE | my card ends 4821",
        "ORDER_REF | I want to order a new card",
    })
    void ignoresLookAlikes(EntityType type, String text) {
        assertTrue(values(text, type).isEmpty(), () -> "found " + find(text));
    }

    @Test
    void entitiesComeInReadingOrderWithSpans() {
        String text = "Mr Smith paid £12.50 on 3 March with card 4539 1488 0343 6467";
        List<Entity> found = find(text);
        assertEquals(List.of(EntityType.PERSON, EntityType.AMOUNT, EntityType.DATE, EntityType.CARD_NUMBER),
                found.stream().map(Entity::type).toList());
        for (Entity e : found) {
            assertEquals(e.text(), text.substring(e.start(), e.end()));
        }
    }

    @Test
    void blankTextHasNoEntities() {
        assertTrue(extractor.extract(null).isEmpty());
        assertTrue(extractor.extract("   ").isEmpty());
    }

    @Test
    void slotsKeepOnlyTheLastFourOfNumbersAndFillTemplates() {
        ConversationSlots slots = new ConversationSlots();
        slots.fill(find("card 4539 1488 0343 6467, charged £12.50 yesterday, ref TX-99812"));
        assertEquals("6467", slots.get(ConversationSlots.CARD_LAST4).orElseThrow());
        assertEquals("12.50 GBP", slots.get(ConversationSlots.AMOUNT).orElseThrow());
        assertEquals("2026-03-03", slots.get(ConversationSlots.DATE).orElseThrow());
        assertEquals("TX-99812", slots.get(ConversationSlots.REFERENCE).orElseThrow());
        assertEquals("Your card ending 6467 is blocked; {unknown} stays", slots.fill("Your card ending {card.last4} is blocked; {unknown} stays"));
        assertTrue(slots.asMap().values().stream().noneMatch(v -> v.contains("4539")));
    }
}
