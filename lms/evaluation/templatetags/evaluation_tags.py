from django import template

from ..charts import DISTRIBUTION_WIDTH, distribution

register = template.Library()

# Score 1 (sangat kurang) to 5 (sangat baik); apart also without colour vision
# (the legend and each slice's title name the score).
SCORE_COLOURS = {1: "#b3261e", 2: "#d9822b", 3: "#c9a227", 4: "#5f9f4a", 5: "#1f7a3a"}


@register.inclusion_tag("evaluation/includes/distribution.html")
def distribution_bar(question):
    return {
        "question": question,
        "width": DISTRIBUTION_WIDTH,
        "segments": [
            (segment, SCORE_COLOURS[segment.score])
            for segment in distribution(question)
            if segment.count
        ],
    }
