CREATE SEQUENCE "public"."order_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 100001 CACHE 1;--> statement-breakpoint
CREATE SEQUENCE "public"."purchase_order_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 600001 CACHE 1;--> statement-breakpoint
CREATE SEQUENCE "public"."quote_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 500001 CACHE 1;--> statement-breakpoint
CREATE SEQUENCE "public"."return_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 400001 CACHE 1;--> statement-breakpoint
CREATE SEQUENCE "public"."shipment_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 700001 CACHE 1;--> statement-breakpoint
CREATE SEQUENCE "public"."transfer_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 800001 CACHE 1;--> statement-breakpoint
CREATE TABLE "document_counters" (
	"type" text PRIMARY KEY NOT NULL,
	"next_value" bigint NOT NULL
);
--> statement-breakpoint
-- Carry the numbers already given out over: each sequence continues after its counter, gapless types keep their row.
SELECT setval(s.seq::regclass, d.next_value, false)
FROM document_sequences d
JOIN (VALUES ('order', 'order_number_seq'), ('quote', 'quote_number_seq'), ('return', 'return_number_seq'),
             ('purchase_order', 'purchase_order_number_seq'), ('shipment', 'shipment_number_seq'), ('transfer', 'transfer_number_seq'))
  AS s(type, seq) ON s.type = d.type;--> statement-breakpoint
INSERT INTO document_counters (type, next_value) SELECT type, next_value FROM document_sequences WHERE type IN ('invoice', 'credit_note');
