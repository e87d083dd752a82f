from django.urls import path

from ayneh.public import feeds, views

app_name = "public"

urlpatterns = [
    path("", views.front, name="front"),
    path("offices/", views.office_list, name="office-list"),
    path("office/<slug:code>/", views.office, name="office"),
    path("release/<uuid:key>/", views.release, name="release"),
    path("search/", views.search, name="search"),
    path("feeds/rss.xml", feeds.ReleaseFeed(feed_format="rss"), name="feed-rss"),
    path("feeds/atom.xml", feeds.ReleaseFeed(feed_format="atom"), name="feed-atom"),
    path("feeds/feed.json", feeds.ReleaseFeed(feed_format="json"), name="feed-json"),
    path("office/<slug:code>/feeds/rss.xml", feeds.ReleaseFeed(feed_format="rss"), name="office-feed-rss"),
    path("office/<slug:code>/feeds/atom.xml", feeds.ReleaseFeed(feed_format="atom"), name="office-feed-atom"),
    path("office/<slug:code>/feeds/feed.json", feeds.ReleaseFeed(feed_format="json"), name="office-feed-json"),
]
