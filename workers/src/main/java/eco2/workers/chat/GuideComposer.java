package eco2.workers.chat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Offline answers: a few sentences in the asker's language built only from the grounding, the guide's own steps
 * quoted as they are (the guide is in Korean). When the guide has nothing, the answer says so.
 */
public final class GuideComposer {
    public String compose(Grounding g) {
        return g.korean() ? korean(g) : english(g);
    }

    private static String korean(Grounding g) {
        return switch (g.intent()) {
            case RECYCLABLE_PRICE -> "재활용품 시세나 가격 정보는 Eco²에서 다루지 않아요. 분리배출 방법이라면 무엇이든 물어봐 주세요!";
            case WEATHER -> "날씨 정보는 Eco²에서 알려 드릴 수 없어요. 대신 분리배출 방법은 자신 있게 안내해 드릴게요.";
            case WEB_SEARCH -> "Eco²는 인터넷 검색을 하지 않아요. 분리배출 안내서에 있는 내용으로 도와드릴게요.";
            case IMAGE_GENERATION -> "Eco²는 그림이나 이미지를 만들지 않아요. 버릴 물건을 알려 주시면 배출 방법을 안내해 드릴게요.";
            case GENERAL -> "저는 분리배출을 돕는 Eco²예요. 버리려는 물건 이름을 알려 주시면 안내서에 있는 방법을 알려 드릴게요.";
            case CHARACTER -> characterKo(g);
            case LOCATION, COLLECTION_POINT -> placesKo(g);
            default -> itemKo(g);
        };
    }

    private static String itemKo(Grounding g) {
        if (g.item() == null) {
            return "분리배출 안내서에서 '" + g.question() + "'에 맞는 품목을 찾지 못했어요. 물건 이름을 조금 다르게 물어봐 주세요.";
        }
        JsonNode item = g.item();
        List<String> parts = new ArrayList<>();
        parts.add(item.path("name").asText() + ": " + item.path("description").asText());
        parts.add("배출 방법: " + numbered(item.path("how_to_recycle")));
        if (item.path("do_not_do").size() > 0) parts.add("주의: " + joined(item.path("do_not_do")));
        return String.join(" ", parts);
    }

    private static String placesKo(Grounding g) {
        List<String> parts = new ArrayList<>();
        if (g.item() != null)
            parts.add(item(g.item()) + " 배출 방법: " + numbered(g.item().path("how_to_recycle")));
        if (!g.located()) {
            parts.add("가까운 수거함과 재활용센터를 찾으려면 위치(location)를 함께 보내 주세요.");
        } else if (g.bins().isEmpty() && g.centers().isEmpty()) {
            parts.add("주변 2km 안에서 등록된 수거함이나 재활용센터를 찾지 못했어요.");
        } else {
            g.bins().forEach(b -> parts.add("수거함: " + place(b)));
            g.centers().forEach(c -> parts.add("재활용센터: " + place(c)));
        }
        return String.join(" ", parts);
    }

    private static String characterKo(Grounding g) {
        List<String> parts = new ArrayList<>();
        parts.add("Eco²에는 캐릭터 " + g.characters().size() + "명이 있어요.");
        g.characters()
                .forEach(c -> parts.add(
                        c.path("name").asText() + "(" + c.path("type_label").asText() + "): "
                                + c.path("unlock_hint").asText()));
        return String.join(" ", parts);
    }

    private static String english(Grounding g) {
        return switch (g.intent()) {
            case RECYCLABLE_PRICE -> "Eco² does not cover prices for recyclables. Ask me how to sort anything, though!";
            case WEATHER -> "Eco² cannot tell you the weather, but it can tell you how to sort your waste.";
            case WEB_SEARCH -> "Eco² does not search the web; it answers from its own sorting guide.";
            case IMAGE_GENERATION -> "Eco² does not make pictures. Tell me what you want to throw away instead.";
            case GENERAL ->
                "I am Eco², a recycling assistant. Name the thing you want to throw away and I will tell "
                        + "you what the sorting guide says.";
            case CHARACTER ->
                "Eco² has " + g.characters().size() + " characters; each unlocks with your first scan of "
                        + "its kind of item: " + names(g.characters()) + ".";
            case LOCATION, COLLECTION_POINT -> placesEn(g);
            default -> itemEn(g);
        };
    }

    private static String itemEn(Grounding g) {
        if (g.item() == null) {
            return "The sorting guide has nothing that matches \"" + g.question() + "\". Try another name for it.";
        }
        JsonNode item = g.item();
        String name = item.path("name_en").asText(item.path("name").asText());
        return name + " goes out as " + item.path("category").asText() + ". The Korean guide's steps: "
                + numbered(item.path("how_to_recycle"));
    }

    private static String placesEn(Grounding g) {
        if (!g.located()) return "Send your location with the question and I will list the nearest bins and centres.";
        if (g.bins().isEmpty() && g.centers().isEmpty()) return "I found no listed bin or centre within 2 km.";
        List<String> parts = new ArrayList<>();
        g.bins().forEach(b -> parts.add("Bin: " + place(b)));
        g.centers().forEach(c -> parts.add("Centre: " + place(c)));
        return String.join(" ", parts);
    }

    private static String item(JsonNode item) {
        return item.path("name").asText();
    }

    private static String place(JsonNode p) {
        long metres = Math.round(p.path("distance_m").asDouble());
        return p.path("name").asText() + " (" + p.path("address").asText() + ", " + metres + "m)";
    }

    private static String names(List<JsonNode> characters) {
        return String.join(
                ", ", characters.stream().map(c -> c.path("name").asText()).toList());
    }

    private static String numbered(JsonNode steps) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++)
            out.add((i + 1) + ") " + steps.get(i).asText());
        return String.join(" ", out);
    }

    private static String joined(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(n -> out.add(n.asText()));
        return String.join(" / ", out);
    }
}
