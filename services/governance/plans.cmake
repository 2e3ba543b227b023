# filled in as the area is built
