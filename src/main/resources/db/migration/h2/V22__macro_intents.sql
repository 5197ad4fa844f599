-- The intents a macro answers (intent ids, as knowledge-base articles list them; comma-separated, empty:
-- none, as for a greeting). Evaluation judges a macro suggestion by them, and the macro confidence curve
-- is fitted on that judgement.
ALTER TABLE macros ADD COLUMN intents VARCHAR(2000) NOT NULL DEFAULT '';

-- Starter macros seeded before this version get the intents new data folders seed them with
-- (StarterMacros), matched by language and title; a macro a supervisor renamed or wrote is left empty.
UPDATE macros SET intents = 'lost_or_stolen_card,compromised_card' WHERE intents = '' AND language = 'en' AND title = 'Freeze a lost or stolen card';
UPDATE macros SET intents = 'card_arrival,card_delivery_estimate' WHERE intents = '' AND language = 'en' AND title = 'Replacement card on its way';
UPDATE macros SET intents = 'declined_card_payment,card_not_working' WHERE intents = '' AND language = 'en' AND title = 'Declined card payment';
UPDATE macros SET intents = 'card_payment_not_recognised' WHERE intents = '' AND language = 'en' AND title = 'Unrecognised transaction';
UPDATE macros SET intents = 'pending_transfer,transfer_timing,transfer_not_received_by_recipient' WHERE intents = '' AND language = 'en' AND title = 'Transfer still pending';
UPDATE macros SET intents = 'lost_or_stolen_card,compromised_card' WHERE intents = '' AND language = 'zh' AND title = '挂失冻结银行卡';
UPDATE macros SET intents = 'card_arrival,card_delivery_estimate' WHERE intents = '' AND language = 'zh' AND title = '补卡寄送';
UPDATE macros SET intents = 'declined_card_payment,card_not_working' WHERE intents = '' AND language = 'zh' AND title = '刷卡被拒';
UPDATE macros SET intents = 'card_payment_not_recognised' WHERE intents = '' AND language = 'zh' AND title = '不明交易';
UPDATE macros SET intents = 'pending_transfer,transfer_timing,transfer_not_received_by_recipient' WHERE intents = '' AND language = 'zh' AND title = '转账未到账';
