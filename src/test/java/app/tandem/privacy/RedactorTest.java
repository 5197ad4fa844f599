package app.tandem.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RedactorTest {

    @Test
    void masksPersonalData() {
        assertEquals("my card [card] was declined", Redactor.redact("my card 4539 1488 0343 6467 was declined"));
        assertEquals("write to [email] please", Redactor.redact("write to emma.clarke@example.com please"));
        assertEquals("call me on [phone]", Redactor.redact("call me on +44 7700 900123"));
        assertEquals("call me on [phone]", Redactor.redact("call me on 07700 900123"));
        assertEquals("我的手机[phone]", Redactor.redact("我的手机13812345678"));
        assertEquals("send to [iban] today", Redactor.redact("send to GB82 WEST 1234 5698 7654 32 today"));
        assertEquals("身份证号[id]", Redactor.redact("身份证号11010519491231002X"));
        assertEquals("sort code [sort code], account [account]", Redactor.redact("sort code 20-00-00, account 55779911"));
    }

    @Test
    void leavesOrdinaryNumbersAlone() {
        assertEquals("I paid £1,250.00 on 2026-11-03 for 2 items", Redactor.redact("I paid £1,250.00 on 2026-11-03 for 2 items"));
        assertEquals("card 4539 1488 0343 6468 fails Luhn", Redactor.redact("card 4539 1488 0343 6468 fails Luhn"));
        assertEquals("", Redactor.redact(null));
        // A training log's long decimals once came out as "0.[card]".
        assertEquals("train loss 0.22067980498339482 accuracy 0.9123196448390677",
                Redactor.redact("train loss 0.22067980498339482 accuracy 0.9123196448390677"));
        assertEquals("my card is [card].", Redactor.redact("my card is 4539148803436467."));
    }
}
