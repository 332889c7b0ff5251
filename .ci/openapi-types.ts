// What a client generated from /openapi.json by openapi-typescript must know (issue 27): .ci/run
// generates api.d.ts beside this file and type-checks it with tsc --strict. Each line holds only
// when the generated type is exactly the one named: a document whose `data` were a bare object
// (typed Record<string, never>) fails here.
import type { components, operations } from "./api";

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false;
type Ok<Op extends keyof operations> = operations[Op]["responses"] extends {
  200: { content: { "application/json": { data: infer Data } } };
} ? Data : never;
type Schema<Name extends keyof components["schemas"]> = components["schemas"][Name];

export const productsAreAnArrayOfProducts: Equal<Ok<"get_products">["products"], Schema<"Product">[]> = true;
export const moneyIsADecimalString: Equal<Schema<"Product">["price"], string> = true;
export const descriptionMayBeNull: Equal<Schema<"Product">["description"], string | null> = true;
export const cursorMayBeNull: Equal<Ok<"get_products">["next_cursor"], string | null> = true;
export const productHasItsStock: Equal<Ok<"get_product">["inventory"]["quantity"], number> = true;
export const roleIsAnEnum: Equal<Ok<"get_me">["role"], "customer" | "admin"> = true;
export const reasonIsAnEnum: Equal<Ok<"get_inventory_movements">["movements"][number]["reason"],
  "restock" | "sale" | "adjustment"> = true;
export const purchaseHistory: Equal<Ok<"get_purchases">["purchases"], Schema<"Purchase">[]> = true;
export const linesOfASale: Equal<Ok<"purchase_products">["purchased_items"], Schema<"PurchasedItem">[]> = true;
export const usersArePaged: Equal<Ok<"get_users">["users"], Schema<"User">[]> = true;
// get_sales_data: one metric block, or (with buckets) one per period, keyed "<start>,<end>"
export const salesData: Equal<Ok<"get_sales_data">,
  Schema<"SalesMetrics"> | { [period: string]: Schema<"SalesPeriod"> }> = true;
export const revenueIsADecimalString: Equal<Schema<"SalesMetrics">["total_revenue"], string> = true;
