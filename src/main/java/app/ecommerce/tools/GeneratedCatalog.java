package app.ecommerce.tools;

import app.ecommerce.catalog.ProductSearch;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Random;

/**
 * A large generated catalog beside the demo one ({@code demo-data --products N}): products named
 * and described with words a shop uses (brands, adjectives, materials, goods; a few accented),
 * prices spread from 1.00 to about 2,000.00 on a log scale, stock from none to 500, 3 % inactive,
 * created over the last three years, spread over the demo categories and 20 more. Deterministic
 * for a given size. Every product with stock has its restock in the ledger, so stock still equals
 * the ledger's sum. Written with multi-row INSERTs, its search columns computed here, as the
 * service computes them, and its search_terms rows in one sorted pass per batch (BulkSearchTerms).
 */
final class GeneratedCatalog {
  static final String[][] CATEGORIES = {
      {"Garden", "garden"}, {"Sports & Outdoors", "sports-outdoors"}, {"Beauty", "beauty"},
      {"Automotive", "automotive"}, {"Office", "office"}, {"Pet Supplies", "pet-supplies"}, {"Music", "music"},
      {"Health", "health"}, {"Tools", "tools"}, {"Jewelry", "jewelry"}, {"Shoes", "shoes"}, {"Baby", "baby"},
      {"Grocery", "grocery"}, {"Furniture", "furniture"}, {"Lighting", "lighting"}, {"Travel", "travel"},
      {"Crafts", "crafts"}, {"Camera", "camera"}, {"Audio", "audio"}, {"Watches", "watches"}};
  private static final String[] BRANDS = {"Nordic", "Acme", "Zenith", "Orion", "Luma", "Kestrel", "Vireo", "Halden",
      "Brio", "Cobalt", "Aster", "Fjord", "Mistral", "Tundra", "Solace", "Ember", "Quill", "Rowan", "Sable", "Tamarind",
      "Umbra", "Vesta", "Willow", "Yarrow", "Alder", "Birch", "Cedar", "Dune", "Élan", "Façade", "Güntner", "Hôtel",
      "Isla", "Jubilee", "Kōan", "Lumen", "Mosaic", "Nimbus", "Opal", "Pioneer", "Quartz", "Riviera", "Summit",
      "Terra", "Unity", "Vantage", "Wander", "Xenon", "Yonder", "Zephyr"};
  private static final String[] ADJECTIVES = {"Compact", "Portable", "Classic", "Modern", "Rustic", "Vintage",
      "Deluxe", "Premium", "Essential", "Ultra", "Slim", "Heavy-Duty", "Wireless", "Smart", "Foldable", "Ergonomic",
      "Waterproof", "Lightweight", "Adjustable", "Rechargeable", "Organic", "Handmade", "Insulated", "Minimalist",
      "Professional", "Extra-Large", "Mini", "Quiet", "Fast", "Durable", "Elegant", "Cozy", "Bright", "Soft",
      "Rugged", "Stackable", "Magnetic", "Non-Stick", "Reusable", "Eco", "Pure", "Crisp", "Bold", "Sleek", "Tiny",
      "Grand", "Sturdy", "Velvet", "Glossy", "Matte"};
  private static final String[] MATERIALS = {"Bamboo", "Oak", "Walnut", "Steel", "Aluminium", "Cotton", "Linen",
      "Wool", "Leather", "Ceramic", "Glass", "Copper", "Brass", "Silicone", "Marble", "Granite", "Cork", "Rattan",
      "Titanium", "Carbon", "Suede", "Denim", "Velour", "Porcelain", "Pine", "Maple", "Teak", "Slate", "Nylon", "Jute"};
  private static final String[] GOODS = {"Desk Lamp", "Chair", "Backpack", "Kettle", "Headphones", "Speaker",
      "Blender", "Notebook", "Water Bottle", "Yoga Mat", "Tent", "Sleeping Bag", "Jacket", "Sneakers", "Boots",
      "Watch", "Bracelet", "Necklace", "Ring", "Wallet", "Sunglasses", "Umbrella", "Pillow", "Blanket", "Rug",
      "Vase", "Mirror", "Clock", "Shelf", "Stool", "Table", "Sofa", "Bed Frame", "Mattress", "Pan", "Pot", "Knife Set",
      "Cutting Board", "Mug", "Teapot", "Coffee Grinder", "Toaster", "Scale", "Thermometer", "Drill", "Hammer",
      "Screwdriver", "Wrench", "Saw", "Ladder", "Hose", "Planter", "Shovel", "Rake", "Bird Feeder", "Dog Bed",
      "Cat Tree", "Leash", "Guitar", "Ukulele", "Drum Pad", "Microphone", "Camera Bag", "Tripod", "Lens Cap",
      "Charger", "Cable", "Power Bank", "Keyboard", "Mouse", "Monitor Stand", "Webcam", "Router", "Smartwatch",
      "Tablet Case", "Phone Case", "Earbuds", "Projector", "Fan", "Heater", "Humidifier", "Air Purifier", "Toothbrush",
      "Hair Dryer", "Razor", "Perfume", "Lipstick", "Serum", "Shampoo", "Soap", "Candle", "Puzzle", "Board Game",
      "Kite", "Scooter", "Helmet", "Bicycle Light", "Car Mat", "Dash Cam", "Tire Gauge", "Crib", "Stroller",
      "Teether", "Suitcase", "Duffel Bag", "Passport Holder", "Pen", "Stapler", "Planner", "Easel", "Paint Set",
      "Yarn", "Crème Brûlée Kit", "Café Press", "Jalapeño Sauce", "Piñata", "Crêpe Pan", "Fondue Set", "Sauté Pan"};
  private static final String[] PHRASES = {"built to last", "for everyday use", "with a two-year warranty",
      "easy to clean", "ideal for small spaces", "a perfect gift", "for the home and the office",
      "designed in Scandinavia", "made from recycled materials", "with a soft-touch finish", "for indoor and outdoor use",
      "with fast charging", "ready in minutes", "loved by professionals", "for beginners and experts",
      "with a naïve charm", "in a café style", "with an elegant façade", "tested for safety", "dishwasher safe",
      "with free returns", "hand-finished", "quiet and efficient", "for travel and commuting", "with long battery life",
      "for kids and adults", "water resistant to 50 m", "with 100% natural fibres", "USB-C powered", "with a 4K sensor"};
  private static final int ROWS_PER_COMMIT = 10_000;
  private static final long DAY_MICROS = 86_400_000_000L;
  private static final String INSERT_PRODUCTS = "INSERT INTO products (id, product_name, description, category_id,"
      + " price_cents, is_active, created_at, updated_at, search_text, search_words, name_words) VALUES ";
  private static final String PRODUCT_ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String INSERT_STOCK = "INSERT INTO inventories (product_id, quantity, updated_at) VALUES ";
  private static final String STOCK_ROW = "(?, ?, ?)";

  private GeneratedCatalog() {
  }

  /**
   * Writes the extra categories after {@code firstCategory - 1} and {@code count} products from
   * id {@code firstProduct}, committing as it goes.
   */
  static void write(Connection c, boolean mysql, int count, long firstCategory, long firstProduct, long adminId,
                    long now, PrintStream out) throws SQLException {
    long start = now - 3 * 365 * DAY_MICROS;
    try (PreparedStatement category = c.prepareStatement(BulkRows.INSERT_CATEGORY)) {
      for (int i = 0; i < CATEGORIES.length; i++) {
        BulkRows.bind(category, 0, new Object[] {firstCategory + i, CATEGORIES[i][0], CATEGORIES[i][1], start});
        category.executeUpdate();
      }
    }
    long categories = firstCategory - 1 + CATEGORIES.length;
    if (!mysql) {
      try (Statement s = c.createStatement()) {
        s.execute(BulkRows.SQLITE_LARGE_CACHE);
      }
    }
    Random random = new Random(DemoData.SEED + count);
    Progress progress = new Progress("Writing products", count, out);
    try (MultiRowInsert products = new MultiRowInsert(c, INSERT_PRODUCTS, PRODUCT_ROW, 11);
         MultiRowInsert stock = new MultiRowInsert(c, INSERT_STOCK, STOCK_ROW, 3);
         MultiRowInsert movements = new MultiRowInsert(c, BulkRows.INSERT_MOVEMENTS, BulkRows.MOVEMENT_ROW, 6);
         BulkSearchTerms terms = BulkSearchTerms.open(c, mysql)) {
      long batchStart = firstProduct;
      for (int n = 0; n < count; n++) {
        long id = firstProduct + n;
        String name = name(random);
        String description = random.nextInt(10) == 0 ? null : description(random, name);
        long price = Math.max(100, Math.round(Math.exp(random.nextDouble() * Math.log(2000)) * 100));
        long created = start + Math.floorMod(random.nextLong(), now - start);
        long quantity = random.nextInt(12) == 0 ? 0 : 1 + random.nextInt(500);
        products.add(id, name, description, 1 + random.nextInt((int) categories), price,
            random.nextInt(33) == 0 ? 0 : 1, created, created, ProductSearch.stored(name, description),
            ProductSearch.indexed(name, description), ProductSearch.indexed(name));
        stock.add(id, quantity, created);
        if (quantity > 0) {
          movements.add(id, quantity, "restock", null, adminId, created);
        }
        if ((n + 1) % ROWS_PER_COMMIT == 0 || n + 1 == count) {
          terms.insert(products::flush, batchStart, id);
          batchStart = id + 1;
          stock.flush();
          movements.flush();
          c.commit();
          progress.update(n + 1);
        }
      }
    }
    progress.finish();
  }

  private static String name(Random random) {
    String name = pick(random, BRANDS) + " " + pick(random, ADJECTIVES) + " " + pick(random, MATERIALS) + " "
        + pick(random, GOODS);
    if (random.nextBoolean()) {
      name += " " + (char) ('A' + random.nextInt(26)) + (10 + random.nextInt(990));
    }
    return name.length() <= 50 ? name : name.substring(0, 50).trim();
  }

  private static String description(Random random, String name) {
    StringBuilder text = new StringBuilder("The ").append(name).append(", ")
        .append(pick(random, PHRASES)).append(". ");
    for (int s = random.nextInt(3); s >= 0; s--) {
      text.append(pick(random, ADJECTIVES)).append(' ').append(pick(random, MATERIALS).toLowerCase()).append(", ")
          .append(pick(random, PHRASES)).append(". ");
    }
    return text.toString().trim();
  }

  private static String pick(Random random, String[] words) {
    return words[random.nextInt(words.length)];
  }
}
